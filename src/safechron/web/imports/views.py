"""Import pages: upload a submission, read its validation report and proposed links, commit it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safechron.web.audit.models import Action
from safechron.web.audit.services import audit_record
from safechron.web.families.services import family_create
from safechron.web.imports.models import Import
from safechron.web.imports.selectors import import_preview
from safechron.web.imports.services import import_commit, import_upload
from safechron.web.permissions import can_change_family, family_for, visible_families

NEW_FAMILY = "new"


class UploadForm(forms.Form):
    family = forms.ChoiceField(choices=[], error_messages={"required": "Select the family the chronology is about"})
    family_name = forms.CharField(max_length=200, required=False)
    submission = forms.FileField(
        error_messages={"required": "Select the agency's .xlsx workbook or .zip file", "empty": "The file is empty"}
    )

    def __init__(self, *args: Any, families: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["family"].choices = [*families, (NEW_FAMILY, "A new family")]

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if cleaned.get("family") == NEW_FAMILY and not str(cleaned.get("family_name", "")).strip():
            self.add_error("family_name", "Enter a name for the new family, for example Child BY family")
        return cleaned


@login_required
@require_http_methods(["GET", "POST"])
def upload_page(request: HttpRequest) -> HttpResponse:
    if not can_change_family(user=request.user):
        raise Http404("Not found")
    families = [(str(f.pk), f.name) for f in visible_families(user=request.user)]
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        families=families,
        initial={"family": request.GET.get("family", "")},
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["family"] == NEW_FAMILY:
            family = family_create(name=form.cleaned_data["family_name"], created_by=request.user)
        else:
            family = family_for(user=request.user, family_id=int(form.cleaned_data["family"]))
        uploaded = form.cleaned_data["submission"]
        upload = import_upload(family=family, user=request.user, file_name=uploaded.name, content=uploaded.read())
        return redirect("imports:review", import_id=upload.pk)
    return render(request, "imports/upload.html", {"form": form})


def _import_for(request: HttpRequest, import_id: int) -> Import:
    upload = Import.objects.select_related("family", "agency", "uploaded_by").filter(pk=import_id).first()
    if upload is None or not can_change_family(user=request.user):
        raise Http404("Not found")
    family_for(user=request.user, family_id=upload.family_id)
    return upload


@login_required
def review_page(request: HttpRequest, import_id: int) -> HttpResponse:
    upload = _import_for(request, import_id)
    preview = import_preview(upload=upload) if upload.status == Import.Status.VALIDATED else None
    audit_record(user=request.user, action=Action.VIEW_IMPORT, family=upload.family, obj=upload)
    return render(
        request,
        "imports/review.html",
        {"upload": upload, "preview": preview, "quarantine": upload.quarantine.all()},
    )


@login_required
def commit_page(request: HttpRequest, import_id: int) -> HttpResponse:
    upload = _import_for(request, import_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if upload.status == Import.Status.VALIDATED:
        import_commit(upload=upload, user=request.user)
    return redirect("imports:review", import_id=upload.pk)
