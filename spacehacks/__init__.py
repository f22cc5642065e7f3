"""Space Hacks publishing system: one content model, three outputs (site, PDF, templates)."""
