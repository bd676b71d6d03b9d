from django.urls import include, path

from safechron.web.families import views as family_views

urlpatterns = [
    path("", family_views.home, name="home"),
    path("", include("safechron.web.accounts.urls")),
    path("families/", include("safechron.web.families.urls")),
    path("families/", include("safechron.web.alerts.urls")),
    path("imports/", include("safechron.web.imports.urls")),
    path("audit/", include("safechron.web.audit.urls")),
]

handler404 = "safechron.web.errors.not_found"
handler500 = "safechron.web.errors.server_error"
handler403 = "safechron.web.errors.not_found"
handler400 = "safechron.web.errors.bad_request"
