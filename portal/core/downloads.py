"""Hand out a private file after the caller has checked permission.

In development Django streams the file itself; behind nginx
(PRIVATE_MEDIA_ACCEL_REDIRECT set to the internal location, e.g.
"/protected-media/") the app only answers with X-Accel-Redirect and nginx sends
the bytes, so a slow download never holds an app worker.
"""

from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse, HttpResponseForbidden
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def private_file_response(field_file, *, content_type, filename):
    prefix = getattr(settings, "PRIVATE_MEDIA_ACCEL_REDIRECT", "")
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(field_file.name)
    else:
        response = FileResponse(field_file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@require_safe
def media_permission(request):
    """nginx's auth_request for private media folders served straight from disk.

    Staff-only uploads (incident photos, inspectors' photos) keep their plain
    /media/… URLs; nginx asks here first (X-Original-URI) and sends the file
    only on 204. PRIVATE_MEDIA_PERMISSIONS maps a folder to the permission it needs.
    """
    path = request.headers.get("X-Original-URI", "").split("?")[0]
    media_url = settings.MEDIA_URL
    if not path.startswith(media_url) or ".." in path:
        return HttpResponseForbidden()
    name = path.removeprefix(media_url)
    rules = getattr(settings, "PRIVATE_MEDIA_PERMISSIONS", {})
    folder = max((prefix for prefix in rules if name.startswith(prefix)), key=len, default=None)
    if folder is None:
        return HttpResponseForbidden()
    if not request.user.is_authenticated:
        return HttpResponse(status=401)
    if not request.user.has_perm(rules[folder]):
        return HttpResponseForbidden()
    return HttpResponse(status=204)
