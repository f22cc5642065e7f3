"""The template downloads output: every policy, protocol and form template written as DOCX, ODT,
PDF and Markdown (forms also as a fillable PDF), and the zip of them all.

The core gives it what it reads (fill-in fields in `spacehacks.fillins`, the parsed document in
`spacehacks.template_document`, its HTML in `spacehacks.template_html`); the writers load
python-docx, odfpy and WeasyPrint only when a build asks for them.
"""
