"""The details an organization fills in once for every template: which fill-in fields they are,
how the templates page groups and explains them, and which templates use each.

The templates page's form (views.py) and the machine-readable description published with the
templates (templates/fill_data.py) both read this, so the two never disagree. Every other fill-in
field (an incident's date, a participant's name) stays blank for the person using the form.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .fillins import FIELD, FillIn
from .phrases import english as t  # marks the headings for the catalogue; grouped() translates

if TYPE_CHECKING:
    from .model import Publication, Template

# (group, heading) in the order the form shows them.
GROUPS = (
    ("organization", t("Your organization")),
    ("places", t("Places")),
    ("people", t("People and roles")),
    ("numbers", t("Numbers and dates")),
)

# label -> (group, what to write, an example). Labels are those of content/templates/fields.yml;
# a test fails when one is not listed there.
SHARED: dict[str, tuple[str, str, str]] = {
    "Organization name": ("organization", "The name your organization goes by", "Riverside Harm Reduction Project"),
    "Program or site name": ("organization", "The program or site these policies cover", "Riverside Drop-In Center"),
    "Date adopted": ("organization", "When the policies were adopted", "March 3, 2027"),
    "Review date": ("organization", "When you will review them next", "March 2028"),
    "Site address": ("places", "The street address of the site", "123 Main Street, Springfield, ST 00000"),
    "Partner site for supplies": ("places", "Where people can get supplies if they cannot come here",
                                  "the syringe services program at 45 Pine Street"),
    "Private areas of the site": ("places", "Rooms that are not open to the public", "counseling rooms, staff office"),
    "Rooms covered": ("places", "Bathrooms or rooms with check-ins", "the two single-stall bathrooms"),
    "Door key or release location": ("places", "Where the bathroom door key is kept",
                                     "on the hook behind the front desk"),
    "Naloxone kit location": ("places", "Where the naloxone kits are", "red box beside each bathroom door"),
    "Approved by": ("people", "Who approves these policies (name and role)", "Jordan Lee, Executive Director"),
    "Contact person": ("people", "Who answers questions about the policies", "Sam Rivera, Program Manager"),
    "Supervisor on call": ("people", "The role or person on call during open hours", "the shift lead"),
    "Grievance contact": ("people", "Who receives grievances", "Alex Kim, Participant Advocate"),
    "Appeal contact": ("people", "Who hears appeals", "the Participant Advisory Board"),
    "Outreach contact": ("people", "The outreach team's contact", "Outreach team, 555-0142"),
    "Medical provider for exposures": ("people", "Who sees staff after a needle-stick",
                                       "the county hospital emergency department"),
    "Occupational health contact": ("people", "Your occupational health service",
                                    "the occupational health clinic, 555-0190"),
    "Staff support contact": ("people", "Who supports staff after a hard shift", "Clinical supervisor, 555-0117"),
    "Police point person": ("people", "Who speaks with police at the site", "the shift lead"),
    "Backup point person": ("people", "Who does it when they are away", "the program manager"),
    "Legal counsel contact": ("people", "Your lawyer or legal aid contact", "the local legal aid office, 555-0163"),
    "Emergency number": ("numbers", "The number to call in an emergency", "911"),
    "Contact phone or email": ("numbers", "How to reach the contact person", "555-0100 or info@example.org"),
    "Check-in phone number": ("numbers", "The number outreach workers check in with", "555-0123"),
    "Rapid response or legal hotline": ("numbers", "A rapid response or legal hotline", "555-0177"),
    "Number of days": ("numbers", "Days to answer a grievance", "10"),
    "Missed check-in window": ("numbers", "How late a check-in may be before someone acts", "15 minutes"),
    "Check-in times": ("numbers", "When outreach workers check in", "every hour on the hour"),
}


@dataclass(frozen=True)
class SharedField:
    label: str
    kind: str
    group: str
    hint: str
    example: str
    templates: tuple[str, ...]     # slugs of the templates that use it, in the publication's order

    @property
    def name(self) -> str:
        """The tag the DOCX content control carries (fillins.FillIn.name)."""
        return FillIn(self.label, self.kind).name


def labels_in(text: str) -> list[str]:
    """Every fill-in label of a template body, once each, in order of first use."""
    return list(dict.fromkeys(m.group(1) for m in FIELD.finditer(text)))


def fill_templates(pub: Publication) -> list[Template]:
    """The templates the form fills in: those in the view's own language, whose files are in that
    language's download folder (a Spanish reader fills in the Spanish templates)."""
    return [t for t in pub.templates if t.language == pub.language]


def shared_fields(pub: Publication) -> list[SharedField]:
    """The shared fields some template uses, grouped as GROUPS orders them. In a translated view
    the label, description and example are the translation's: a translated template names its
    fields with the translated labels (content/templates/fields.<language>.yml), and the form and
    fields.json must use those, since the files' fill-ins carry them."""
    own = {english: pub.label(english) for english in SHARED}
    used: dict[str, list[str]] = {}
    for template in fill_templates(pub):
        for label in labels_in(template.body):
            used.setdefault(label, []).append(template.slug)
    order = [g for g, _ in GROUPS]
    found = [SharedField(own[english], pub.fill_ins.get(own[english], "text"), group, pub.t(hint), pub.t(example),
                         tuple(used[own[english]]))
             for english, (group, hint, example) in SHARED.items() if own[english] in used]
    return sorted(found, key=lambda f: order.index(f.group))


def grouped(pub: Publication) -> list[tuple[str, str, list[SharedField]]]:
    """(group, heading, fields) for each group that has a field in use."""
    fields = shared_fields(pub)
    return [(g, pub.t(heading), [f for f in fields if f.group == g]) for g, heading in GROUPS
            if any(f.group == g for f in fields)]
