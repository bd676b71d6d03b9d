from django.urls import path

from safechron.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/code/", views.sign_in_code, name="sign_in_code"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("two-step-sign-in/", views.two_step, name="two_step"),
    path("password/", views.password_page, name="password"),
    path("users/", views.users_page, name="users"),
    path("users/<int:user_id>/change/", views.user_change, name="user_change"),
    path("agencies/", views.agencies_page, name="agencies"),
    path("agencies/<int:agency_id>/", views.agency_change, name="agency_change"),
]
