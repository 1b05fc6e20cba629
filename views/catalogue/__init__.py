"""The sections of the text catalogue (``views.i18n``): one module per page, each a ``TEXTS`` dict."""
