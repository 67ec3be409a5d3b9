"""pyqtgraph charts: plot items created once and updated with setData; colours from charts.style."""
