"""The store: the SQLite database (tables, opening it safely, schema migrations), the settings
kept in it, where the app's files live, and writing a file the user asked for whole."""
