"""PDF quote reports: QTextDocument pages with vector charts, rendered by QPdfWriter."""
