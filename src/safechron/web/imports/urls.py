from django.urls import path

from safechron.web.imports import views

app_name = "imports"
urlpatterns = [
    path("new/", views.upload_page, name="upload"),
    path("<int:import_id>/", views.review_page, name="review"),
    path("<int:import_id>/commit/", views.commit_page, name="commit"),
]
