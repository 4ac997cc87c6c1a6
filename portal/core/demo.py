"""What every app's demo seeding shares: the demo password, the home page, and the
loader of the demo data files (`<app>/demo/`).

Local demo only: the README lists the demo accounts, and `seed_demo` refuses
to run with production settings.

Data files hold the Indonesian originals and their English translations:

- YAML: any mapping with exactly the keys `id` and `en` is one text in both
  languages. `load()` returns the data with the Indonesian text in its place,
  and the {Indonesian: English} strings to hand to wagtail-localize.
- Markdown pages: `<folder>/id/<name>.md` and `<folder>/en/<name>.md`, each with
  YAML front matter between `---` lines. The body is plain Markdown headings
  (`## …`) and paragraphs, plus fenced blocks for the richer StreamField blocks:

      ::: checklist Heading        + a thing to do / - a thing not to do
      ::: steps Heading            1. **Step title** step text
      ::: callout tone Title       (the text as the block's lines)
      ::: faq Heading              ### Question, then the answer's lines
      ::: document Title           (the description as the block's lines)
      > A quote                    > — Who said it

  The English file must have the same blocks in the same order; the texts are
  paired by position, and a mismatch stops seeding with the file's name.
"""

import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from wagtail.models import Site

import yaml
from allauth.account.models import EmailAddress

DEMO_PASSWORD = "damkar-demo"  # noqa: S105


@transaction.atomic
def staff_account(log, email, first_name, last_name, group_name):
    """The demo account `email`, signed-in-ready (verified address) and in the staff group `group_name`.

    Creates what is missing only; the group comes from `portal.core.roles`
    (synced after every migrate), so a missing group is a broken install, not a skip.
    """
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            username=email.split("@")[0],
            email=email,
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        log(f"Staff: demo account {email} created (group {group_name}, password {DEMO_PASSWORD}, local demo only).")
    group = Group.objects.get(name=group_name)
    if not user.groups.filter(pk=group.pk).exists():
        user.groups.add(group)
    return user


def home_page(locale):
    """The default site's home page in `locale` (the Indonesian original when not translated)."""
    root = Site.objects.get(is_default_site=True).root_page
    return (root.get_translation_or_none(locale) or root).specific


class Text(str):
    """A translatable text in parsed Markdown; block kinds and tones stay plain `str`."""


class Strings(dict):
    """Indonesian text → English text; one text cannot have two translations."""

    def add(self, source, english, where):
        if self.setdefault(source, english) != english:
            raise ValueError(f"{where}: {source!r} has two different English translations.")


def load(path):
    """The YAML file at `path`, Indonesian texts in place, and its `Strings`."""
    strings = Strings()

    def split(value):
        if isinstance(value, dict) and set(value) == {"id", "en"}:
            strings.add(value["id"], value["en"], path)
            return value["id"]
        if isinstance(value, dict):
            return {key: split(item) for key, item in value.items()}
        if isinstance(value, list):
            return [split(item) for item in value]
        return value

    return split(yaml.safe_load(Path(path).read_text(encoding="utf-8"))), strings


def pages(folder):
    """Each Markdown page in `folder`/id (by file name) as (front matter, body items, `Strings`)."""
    folder = Path(folder)
    names = {path.name for path in (folder / "id").glob("*.md")}
    unpaired = names ^ {path.name for path in (folder / "en").glob("*.md")}
    if unpaired:
        raise ValueError(f"{folder}: no Indonesian or no English version of {', '.join(sorted(unpaired))}.")
    found = []
    for name in sorted(names):
        source, english = folder / "id" / name, folder / "en" / name
        front, body = _read(source)
        en_front, en_body = _read(english)
        strings = Strings()
        for key, text in en_front.items():
            strings.add(front[key], text, english)
        _pair(body, en_body, strings, english)
        found.append((front, body, strings))
    return found


def _read(path):
    _empty, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), parse(body)


def _pair(source, english, strings, where):
    if isinstance(source, Text) and isinstance(english, Text):
        if source:  # an optional heading left empty
            strings.add(str(source), str(english), where)
    elif isinstance(source, (list, tuple)) and isinstance(english, (list, tuple)) and len(source) == len(english):
        for a, b in zip(source, english, strict=True):
            _pair(a, b, strings, where)
    elif source != english or isinstance(source, Text) != isinstance(english, Text):
        raise ValueError(f"{where}: the blocks differ from the Indonesian page's near {source!r}.")


FENCE = re.compile(r"^::: (\w+) ?(.*)$")
STEP = re.compile(r"^\d+\. \*\*(.+?)\*\* (.+)$")


def parse(markdown):
    """Body items: ("h", text), ("p", text, …), ("do", heading, dos, donts), ("steps", heading,
    [(title, text)]), ("warn", tone, title, text), ("faq", heading, [(question, answer)]),
    ("quote", text, who), ("doc", title, description)."""
    items = []
    for chunk in re.split(r"\n(?=::: \w)|(?<=\n:::)\n", markdown.strip()):
        fence = FENCE.match(chunk.split("\n", 1)[0])
        if fence:
            items.append(_fenced(fence[1], fence[2], chunk.split("\n")[1:-1]))
        else:
            items.extend(_plain(chunk))
    return items


def _plain(chunk):
    """Headings, quotes and runs of paragraphs (one paragraph block per run)."""
    items = []
    for block in filter(None, (b.strip() for b in chunk.split("\n\n"))):
        if block.startswith("## "):
            items.append(("h", Text(block[3:])))
        elif block.startswith(">"):
            lines = [line.lstrip("> ") for line in block.split("\n") if line.strip(">").strip()]
            items.append(("quote", Text(" ".join(lines[:-1])), Text(lines[-1].removeprefix("— "))))
        elif items and items[-1][0] == "p":
            items[-1] = (*items[-1], Text(block))
        else:
            items.append(("p", Text(block)))
    return items


def _fenced(kind, title, lines):
    title = Text(title)
    if kind == "checklist":
        dos = [Text(line[2:]) for line in lines if line.startswith("+ ")]
        donts = [Text(line[2:]) for line in lines if line.startswith("- ")]
        return ("do", title, dos, donts)
    if kind == "steps":
        return ("steps", title, [tuple(map(Text, STEP.match(line).groups())) for line in lines])
    if kind == "callout":
        tone, _space, title = title.partition(" ")
        return ("warn", tone, Text(title), Text("\n".join(lines)))
    if kind == "faq":
        pairs = []
        for line in lines:
            if line.startswith("### "):
                pairs.append([line[4:], ""])
            elif line:
                pairs[-1][1] = f"{pairs[-1][1]} {line}".lstrip()
        return ("faq", title, [(Text(q), Text(a)) for q, a in pairs])
    if kind == "document":
        return ("doc", title, Text("\n".join(lines)))
    raise ValueError(f"Unknown demo block ::: {kind}")
