"""What the pages share: formatting, translations, theme, cached data access and widgets."""
