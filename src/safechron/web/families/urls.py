from django.urls import path

from safechron.web.families import views

app_name = "families"
urlpatterns = [
    path("", views.caseload_page, name="caseload"),
    path("<int:family_id>/", views.family_page, name="family"),
    path("<int:family_id>/pictures/<str:kind>.svg", views.picture_page, name="picture"),
    path("<int:family_id>/people/<int:person_id>/", views.person_page, name="person"),
    path("<int:family_id>/allocations/", views.allocations_page, name="allocations"),
    path("<int:family_id>/entries/new/", views.entry_add_page, name="entry_add"),
    path("<int:family_id>/entries/<int:entry_id>/tags/", views.entry_tags_page, name="entry_tags"),
    path("break-glass/", views.break_glass_page, name="break_glass"),
    path("break-glass/log/", views.break_glass_log, name="break_glass_log"),
]
