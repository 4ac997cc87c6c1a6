from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def account_overview(request):
    """The signed-in person's starting point: their account and what they follow."""
    return render(request, "home/account_overview.html")
