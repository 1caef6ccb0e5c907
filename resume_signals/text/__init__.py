"""Text primitives shared by every stage: units (bullets and sentences), bullets, wraps and tense."""
