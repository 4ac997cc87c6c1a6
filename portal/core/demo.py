"""What every app's demo seeding shares: the one demo password and the home page to hang pages under.

Local demo only: the README lists the demo accounts, and `seed_demo` refuses
to run with production settings.
"""

from wagtail.models import Site

DEMO_PASSWORD = "damkar-demo"  # noqa: S105


def home_page(locale):
    """The default site's home page in `locale` (the Indonesian original when not translated)."""
    root = Site.objects.get(is_default_site=True).root_page
    return (root.get_translation_or_none(locale) or root).specific
