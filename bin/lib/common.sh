# Shared by bin/demo, bin/test and .ci/run: find a JDK >= 21 and make sure RabbitMQ and Redis
# answer on localhost, starting (and if need be installing) them otherwise.

log() { printf '\033[1m[genesys-bridge]\033[0m %s\n' "$*" >&2; }

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }

# Sets JAVA_HOME to a JDK >= 21: the current JAVA_HOME if good enough, else the newest under
# /usr/lib/jvm. Fails with a clear message if there is none.
find_java() {
	if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
		export JAVA_HOME; return 0
	fi
	local best="" best_major=0 dir major
	for dir in /usr/lib/jvm/*/; do
		dir="${dir%/}"
		[ -x "$dir/bin/javac" ] || continue
		major="$(java_major "$dir/bin/java")"
		if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
			best="$dir"; best_major="$major"
		fi
	done
	if [ -z "$best" ]; then
		log "ERROR: genesys-bridge needs a JDK 21 or newer, and none was found (JAVA_HOME='${JAVA_HOME:-}', /usr/lib/jvm has: $(ls /usr/lib/jvm 2>/dev/null | tr '\n' ' '))."
		log "Install one (e.g. a Temurin JDK 21+ under /usr/lib/jvm) or point JAVA_HOME at it."
		exit 1
	fi
	export JAVA_HOME="$best"
	log "Using JDK $best_major at $JAVA_HOME"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
	local port="$1" name="$2" seconds="${3:-90}" i
	for ((i = 0; i < seconds; i++)); do
		port_open "$port" && return 0
		sleep 1
	done
	log "ERROR: $name did not answer on 127.0.0.1:$port within ${seconds}s"; exit 1
}

apt_install() {
	if [ "$(id -u)" != 0 ]; then log "ERROR: $* missing and not root: install it first"; exit 1; fi
	log "Installing $* from Debian"
	DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_redis() {
	# redis-server and redis-cli are needed even when a Redis already answers: the Cluster and
	# Sentinel tests start throwaway servers of their own.
	command -v redis-server >/dev/null && command -v redis-cli >/dev/null || apt_install redis-server redis-tools
	port_open 6379 && return 0
	log "Starting Redis on 127.0.0.1:6379"
	mkdir -p /var/lib/redis /var/log/redis
	redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
		--dir /var/lib/redis --logfile /var/log/redis/ci.log
	wait_port 6379 Redis 30
}

ensure_rabbitmq() {
	port_open 5672 && return 0
	command -v rabbitmq-server >/dev/null || apt_install rabbitmq-server
	log "Starting RabbitMQ on 127.0.0.1:5672"
	rabbitmq-server -detached >/dev/null 2>&1 || true
	wait_port 5672 RabbitMQ 120
}

# The console's browser tests drive Debian's Chromium through chromedriver; nothing downloads a
# browser of its own.
ensure_chromium() {
	if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return 0; fi
	apt_install chromium chromium-driver
}

# The chart tests check and unit-test the alert rules with promtool, from Debian's prometheus
# package; nothing downloads a Prometheus of its own. The tests use only promtool (the package's
# server starts only where systemd runs).
ensure_promtool() {
	command -v promtool >/dev/null && return 0
	apt_install --no-install-recommends prometheus
}

ensure_services() {
	ensure_redis
	ensure_rabbitmq
}
