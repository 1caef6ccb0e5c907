"""Text primitives shared by every stage: units (bullets and sentences), the bullet glyph table, tense."""
