"""One schema for every project file: declared keys, one checker, a generated reference.

:mod:`narrator.schema.keys` declares a key, :mod:`narrator.schema.files` holds every file's
keys, :mod:`narrator.schema.validate` checks a document against them and
:mod:`narrator.schema.reference` writes docs/reference/ from them.
"""
