"""The words our own scripts (theme/assets/*.js) show readers, so a language view can translate
them: every page's footer carries them, translated, as a JSON block (#sh-strings), and each script
looks its English string up there, falling back to the English it holds. Each script writes its
strings exactly as listed here, with {name} placeholders it fills in itself."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .jsdata import script_json
from .phrases import english as t  # marks the words for the catalogue (interface.py finds them)

if TYPE_CHECKING:
    from .model import Publication

STRINGS = (
    # spacehacks.js: the note on a page a random pick landed on.
    t("A random pick from {n} hacks."), t("A random pick."), t("Show another"),
    # views.js: the rotating quotes' button and the all-hacks filter.
    t("Play quotes"), t("Pause quotes"), t("Showing {shown} of {total} hacks."),
    t("The list of hacks could not be loaded. Check your connection and try again."),
    # pick.js: the random hack page.
    t("You are offline and no hack is saved on this device yet."),
    t("Could not load the list of hacks; picking from the ones below."),
    # fill-templates.js: the fill-once form's messages.
    t("Choose at least one template and one format."), t("Filling in the templates…"),
    t("None of the chosen templates comes in the chosen formats."),
    t("Your zip, {name}, holds {n} files. Nothing was sent anywhere."),
    t("The zip could not be made: {reason}."),
    t("Your details are forgotten: this browser no longer keeps them, and the form is empty."),
    t("Your details are saved as a file; load it on another computer to fill this form in there."),
    t("That file is too large to be a file of details."),
    t("That file is not a file of details saved by this form."),
    t("Loaded {n} details from the file."), t("That file holds none of this form's details."),
    t("That file could not be read."),
    # fill-templates.js: the README.txt inside the zip, line by line.
    t("Space Hacks templates, filled in with your details"),
    t("Made on {date} by the templates page of Space Hacks, in your browser: nothing you typed was sent "
      "anywhere. Read each file through before you adopt it, and write the final version together with "
      "participants and staff."),
    t("Filled in:"), t("nothing (every field is left to fill in)"),
    t("Left to fill in (highlighted, in [square brackets]; in Markdown [[double brackets]]):"),
    t("nothing"), t("Offered as they are (not filled in): {files}"),
    t("Not included, because the page was opened from disk (they are in its folder downloads/templates/, "
      "as they are): {files}"),
    t("my-organization"),
)


def script_strings(pub: Publication) -> str:
    """The JSON the footer writes for the scripts; empty in the source language, whose scripts
    already hold their words."""
    if not pub.catalogues.get(pub.language):
        return ""
    return script_json({s: pub.t(s) for s in STRINGS})
