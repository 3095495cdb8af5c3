#!/bin/sh
# Entrypoint of the Redis container (docker-compose.yml mounts this folder read-only at
# /etc/wirestream/redis). It renders users.acl.template into an ACL file holding only the
# SHA-256 of each password, then starts Redis with --aclfile. Passwords come from the
# environment (WIRESTREAM_<USER>_PASSWORD), or from a file named by WIRESTREAM_<USER>_PASSWORD_FILE,
# or from the compose secret /run/secrets/wirestream_<user>_password; never from the image.
#
#   entrypoint.sh redis-server [ARGS...]   render, then run redis-server ARGS --aclfile FILE
#   entrypoint.sh render [FILE]            render to FILE (default: stdout) and stop
#   entrypoint.sh healthcheck              exit 0 when Redis answers PING as the admin user
#   entrypoint.sh anything else            run it as given
set -eu

here=$(cd "$(dirname "$0")" && pwd)
template=${WIRESTREAM_ACL_TEMPLATE:-$here/users.acl.template}
aclfile=${WIRESTREAM_ACL_FILE:-/run/wirestream/users.acl}
prefix=${WIRESTREAM_PREFIX:-wire}
users="admin ingest normalise extract publish producer consumer"

die() {
    echo "wirestream redis: $*" >&2
    exit 1
}

# password USER: print USER's password from the environment, a *_FILE, or a compose secret.
password() {
    upper=$(printf '%s' "$1" | tr '[:lower:]' '[:upper:]')
    var="WIRESTREAM_${upper}_PASSWORD"
    eval "value=\${$var:-}"
    if [ -z "$value" ]; then
        eval "file=\${${var}_FILE:-/run/secrets/wirestream_$1_password}"
        if [ -r "$file" ]; then
            value=$(cat "$file")
        fi
    fi
    [ -n "$value" ] || die "no password for Redis user '$1': set $var (run \`make secrets\` to write .env) or provide the secret /run/secrets/wirestream_$1_password"
    case $value in
        *[!A-Za-z0-9._~-]*) echo "wirestream redis: warning: $var has characters that must be percent-encoded in a redis:// URL" >&2 ;;
    esac
    [ "${#value}" -ge 16 ] || echo "wirestream redis: warning: $var is shorter than 16 characters" >&2
    printf '%s' "$value"
}

render() {
    case $prefix in
        '' | *[!A-Za-z0-9_.-]*) die "WIRESTREAM_PREFIX '$prefix' may hold only letters, digits, '_', '.' and '-'" ;;
    esac
    [ -r "$template" ] || die "ACL template not found at $template"
    script="s|[\$]{WIRESTREAM_PREFIX}|$prefix|g"
    for user in $users; do
        pw=$(password "$user") || exit 1
        hash=$(printf '%s' "$pw" | sha256sum | cut -d' ' -f1)
        upper=$(printf '%s' "$user" | tr '[:lower:]' '[:upper:]')
        script="$script
s|[\$]{WIRESTREAM_${upper}_PASSWORD_SHA256}|$hash|g"
    done
    rendered=$(sed -e '/^#/d' -e '/^[[:space:]]*$/d' -e "$script" "$template")
    if printf '%s\n' "$rendered" | grep -q '[$]{'; then
        die "unfilled placeholders left in $template: $(printf '%s\n' "$rendered" | grep -o '[$]{[A-Z0-9_]*}' | sort -u | tr '\n' ' ')"
    fi
    printf '%s\n' "$rendered"
}

case ${1:-} in
    render)
        if [ -n "${2:-}" ]; then
            (umask 077 && render >"$2")
        else
            render
        fi
        ;;
    healthcheck)
        # PING as admin: the default user is off, so an answer also proves the ACL file loaded.
        REDISCLI_AUTH=$(password admin) || exit 1
        export REDISCLI_AUTH
        [ "$(redis-cli --user admin -p "${WIRESTREAM_REDIS_PORT:-6379}" ping 2>/dev/null)" = PONG ]
        ;;
    redis-server)
        mkdir -p "$(dirname "$aclfile")"
        (umask 077 && render >"$aclfile")
        if [ "$(id -u)" = 0 ] && id redis >/dev/null 2>&1; then
            chown redis:redis "$aclfile"
        fi
        shift
        # The official image's entrypoint drops root for the redis user; elsewhere run directly.
        if command -v docker-entrypoint.sh >/dev/null 2>&1; then
            exec docker-entrypoint.sh redis-server "$@" --aclfile "$aclfile"
        fi
        exec redis-server "$@" --aclfile "$aclfile"
        ;;
    *)
        exec "$@"
        ;;
esac
