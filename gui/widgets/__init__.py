"""Small shared widgets: validated field editors, search boxes, headline cards, previews."""
