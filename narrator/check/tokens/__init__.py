"""The scanner and the reader: a paper's text read into sentences, entities (measures,
areas, figures, dates, periods, references) and lexicon phrases, with spaCy."""
