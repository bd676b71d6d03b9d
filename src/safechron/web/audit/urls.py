from django.urls import path

from safechron.web.audit import views

app_name = "audit"
urlpatterns = [path("", views.audit_page, name="events")]
