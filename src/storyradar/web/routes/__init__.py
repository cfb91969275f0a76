"""Routers of the web app: one module per page family, each page with its JSON API counterpart."""
