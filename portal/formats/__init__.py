"""The site's date formats per language (settings.FORMAT_MODULE_PATH)."""
