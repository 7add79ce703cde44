"""Scrapy crawling of portal profiles into the index (placeholder until issue #3)."""
