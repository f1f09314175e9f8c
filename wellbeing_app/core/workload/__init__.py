"""What the job takes over a period: the figures (one declared table), their aggregation in SQL
per local day and week, plain-language findings, the dashboard's cards and its charts."""
