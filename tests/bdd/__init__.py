"""The features of features/, run by pytest-bdd, and the checks that keep them honest."""
