# One image for every stage; compose services differ only in their command.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    WIRESTREAM_LOG_FORMAT=json
WORKDIR /app
# Dependencies first, so a code change does not reinstall them.
COPY pyproject.toml setup.py README.md ./
RUN mkdir services && touch services/__init__.py \
    && pip install --no-cache-dir . && pip uninstall -y wirestream && rm -rf services
COPY services ./services
COPY schemas ./schemas
COPY samples ./samples
# Installed from /app in place, so publish validates against /app/schemas like a checkout does,
# with the normalise and extract text modules compiled by mypyc (setup.py); the compiler is removed again.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && pip install --no-cache-dir 'mypy>=1.10' 'setuptools>=70.1' wheel \
    && WIRESTREAM_COMPILE=1 pip install --no-cache-dir --no-build-isolation --no-deps -e . \
    && pip uninstall -y mypy \
    && apt-get purge -y --auto-remove gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/* build \
    && wirestream version | grep -q compiled \
    && useradd --system --uid 10001 --no-create-home wirestream
USER wirestream
ENTRYPOINT ["wirestream"]
CMD ["--help"]
