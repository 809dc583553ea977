"""The paper: Markdown, plain text and Word files read into one :class:`Document` of numbered
sections and paragraphs (the first stage of the checker, the last of the writer)."""
