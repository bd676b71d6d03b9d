from django.urls import path

from safechron.web.alerts import views

app_name = "alerts"
urlpatterns = [
    path(
        "<int:family_id>/indicators/<str:code>/<str:first_met_on>/acknowledge/",
        views.acknowledge_page,
        name="acknowledge",
    ),
]
