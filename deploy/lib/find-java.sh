# Finds a Java 21+ runtime for Majordome. Sourced by deploy/run-local.sh and the packaged launcher:
#
#   . deploy/lib/find-java.sh
#   java_bin=$(majordome_find_java) || exit 1
#
# Order: $JAVA_HOME when it is 21 or newer, then Temurin 25 where its Debian package puts it, then the
# newest 21+ runtime under /usr/lib/jvm.

MAJORDOME_MIN_JAVA=21

# Prints the feature version (17, 21, 25...) of the given java binary, or nothing when it does not run.
majordome_java_version() {
	"$1" -XshowSettings:properties -version 2>&1 \
		| awk -F' = ' '/java.specification.version/ { v = $2; sub(/^1\./, "", v); print int(v); exit }'
}

majordome_java_is_recent() {
	local version
	[[ -x $1 ]] || return 1
	version=$(majordome_java_version "$1")
	[[ -n $version ]] && (( version >= MAJORDOME_MIN_JAVA ))
}

# Prints the path of a suitable java binary; explains what to do and fails when there is none.
majordome_find_java() {
	local candidate best="" best_version=0 version
	if [[ -n ${JAVA_HOME:-} ]] && majordome_java_is_recent "$JAVA_HOME/bin/java"; then
		echo "$JAVA_HOME/bin/java"
		return 0
	fi
	if majordome_java_is_recent /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; then
		echo /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
		return 0
	fi
	for candidate in /usr/lib/jvm/*/bin/java; do
		[[ -x $candidate ]] || continue
		version=$(majordome_java_version "$candidate")
		if [[ -n $version ]] && (( version >= MAJORDOME_MIN_JAVA && version > best_version )); then
			best=$candidate
			best_version=$version
		fi
	done
	if [[ -n $best ]]; then
		echo "$best"
		return 0
	fi
	echo "Majordome needs Java ${MAJORDOME_MIN_JAVA} or newer, and none was found" \
		"(JAVA_HOME=${JAVA_HOME:-unset}; nothing suitable in /usr/lib/jvm)." \
		"Install a JDK ${MAJORDOME_MIN_JAVA}+ (e.g. Eclipse Temurin 25) and set JAVA_HOME to it." >&2
	return 1
}
