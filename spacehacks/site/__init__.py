"""Adapters that place the publication into a site engine. Today: MkDocs + Material."""
