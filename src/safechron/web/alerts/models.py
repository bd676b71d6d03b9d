from __future__ import annotations

from django.conf import settings
from django.db import models

from safechron.web.families.models import Family


class Acknowledgement(models.Model):
    """A practitioner has seen an indicator for this family and said what is being done about it."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="acknowledgements")
    code = models.CharField(max_length=60)
    first_met_on = models.DateField()
    note = models.TextField()
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-acknowledged_at", "-pk")
