"""Policy, protocol and form templates: fill-in fields, one parsed document, and its writers.

Importing this package stays cheap (checks use `fillins`); the writers load python-docx, odfpy
and WeasyPrint only when a build asks for them.
"""
