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
        self._skipping.append(tag in SKIPPED or (self._skipping and self._skipping[-1]))

    def handle_endtag(self, tag):
        if tag not in VOID and self._skipping:
            self._skipping.pop()

    def handle_data(self, data):
        if not (self._skipping and self._skipping[-1]) and data.strip():
            self.parts.append(data.strip())


def visible_text(html):
    parser = _Text()
    parser.feed(html)
    return "\n".join(parser.parts)
