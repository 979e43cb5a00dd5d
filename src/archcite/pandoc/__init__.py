"""archcite as a pandoc filter (``archcite-pandoc``): see ``filter.py`` and docs/pandoc.md."""
