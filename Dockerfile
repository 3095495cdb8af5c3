# One image for every stage; compose services differ only in their command.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    WIRESTREAM_LOG_FORMAT=json
WORKDIR /app
# Dependencies first, so a code change does not reinstall them.
COPY pyproject.toml README.md ./
RUN mkdir services && touch services/__init__.py \
    && pip install --no-cache-dir . && pip uninstall -y wirestream && rm -rf services
COPY services ./services
COPY schemas ./schemas
COPY samples ./samples
# Installed from /app in place, so publish validates against /app/schemas like a checkout does.
RUN pip install --no-cache-dir --no-deps -e . \
    && useradd --system --uid 10001 --no-create-home wirestream
USER wirestream
ENTRYPOINT ["wirestream"]
CMD ["--help"]
