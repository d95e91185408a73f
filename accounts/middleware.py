"""Until a signed-in user has entered a code from their authenticator app, the admin is closed.

Comes after django_otp's OTPMiddleware, which tells from the session whether the user has
verified. Every /admin/ URL except sign-in, sign-out, the two-factor pages and the script
and icon files those pages load redirects to set-up or verification; requests made by the
admin's JavaScript get a 403 instead of a redirect to an HTML page.
"""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import two_factor

OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_setup",
    "two_factor_verify",
}


def is_script_request(request):
    """True for requests made by the admin's JavaScript rather than by following a link."""
    accept = request.headers.get("accept", "")
    return (
        request.headers.get("x-requested-with") == "XMLHttpRequest"
        or request.content_type == "application/json"
        or ("application/json" in accept and "text/html" not in accept)
    )


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        if match.url_name in OPEN_URL_NAMES or not two_factor.verification_required(request.user):
            return None
        if is_script_request(request):
            return JsonResponse(
                {"error": "Enter a code from your authenticator app first."}, status=403
            )
        has_app = two_factor.confirmed_device(request.user)
        url = reverse("two_factor_verify" if has_app else "two_factor_setup")
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)
