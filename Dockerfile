# One image for every stage; compose services differ only in their command.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY services ./services
COPY schemas ./schemas
RUN pip install --no-cache-dir --prefix=/install .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 WIRESTREAM_LOG_FORMAT=json
COPY --from=build /install /usr/local
WORKDIR /app
COPY schemas ./schemas
COPY samples ./samples
RUN useradd --system --uid 10001 --no-create-home wirestream
USER wirestream
ENTRYPOINT ["wirestream"]
CMD ["--help"]
