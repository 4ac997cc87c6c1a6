"""What a person reads on an admin page: the visible text, without scripts, styles, icons and templates."""

from html.parser import HTMLParser

SKIPPED = {"script", "style", "template", "svg", "noscript", "head"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self._skipping = [], []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self._skipping.append((tag, tag in SKIPPED or self._skipped()))

    def handle_startendtag(self, tag, attrs):
        pass  # <use … />: opens and closes nothing that holds text

    def handle_endtag(self, tag):
        # Close up to the matching open tag (HTML leaves <p>, <li> and <option> unclosed).
        for index in range(len(self._skipping) - 1, -1, -1):
            if self._skipping[index][0] == tag:
                del self._skipping[index:]
                return

    def _skipped(self):
        return bool(self._skipping) and self._skipping[-1][1]

    def handle_data(self, data):
        if not self._skipped() and data.strip():
            self.parts.append(data.strip())


def visible_text(html):
    parser = _Text()
    parser.feed(html)
    text = "\n".join(parser.parts)
    if not text:
        raise AssertionError("no visible text found: the page or the parser is broken")
    return text


def prefer_english(user):
    """The staff member chose English in their account (Wagtail's preference beats the Indonesian default)."""
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user
