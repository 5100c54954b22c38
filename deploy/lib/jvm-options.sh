# The JVM options Majordome runs with. Sourced by the packaged launcher (bin/majordome) and by
# deploy/run-local.sh, so that both run the bot the same way:
#
#   . lib/jvm-options.sh
#   majordome_jvm_options "$java" "$lib"   # the java binary, the directory of the class path jars
#   exec "$java" "${MAJORDOME_JVM_OPTIONS[@]}" -cp "$lib/*" ...
#
# Sets the array MAJORDOME_JVM_OPTIONS: the defaults, then the Graal compiler options when "$lib/graal" holds
# jars and java is 25 or newer, then $MAJORDOME_JAVA_OPTS (last, so that they win). Needs find-java.sh sourced.

majordome_jvm_options() {
	local java=$1 lib=$2 extra version
	# Exit at once on OutOfMemoryError so that systemd (or the container runtime) restarts a clean process; a
	# bot needs little heap, so a share of the machine's (or cgroup's) memory rather than the JVM's default.
	MAJORDOME_JVM_OPTIONS=(-XX:+ExitOnOutOfMemoryError -XX:MaxRAMPercentage=50 -Dfile.encoding=UTF-8
		-Dstdout.encoding=UTF-8)

	# GraalJS interprets script plugins on a stock JDK unless the Graal compiler is there: the GraalVM way for
	# a stock JDK is JVMCI enabled and the compiler (with the modules it requires) on the upgrade module path.
	# The application, Truffle included, stays on the class path: Truffle finds the compiler through JVMCI,
	# after loading a small native library of its own to reach JVMCI from the unnamed module (hence native
	# access, else the JVM warns about it on every start). The compiler we ship is the release
	# built for Java 25's JVMCI: on an older Java the scripts stay interpreted rather than risk the start.
	if compgen -G "$lib/graal/*.jar" >/dev/null; then
		version=$(majordome_java_version "$java")
	fi
	if [[ -n ${version:-} ]] && (( version >= 25 )); then
		MAJORDOME_JVM_OPTIONS+=(-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI "--upgrade-module-path=$lib/graal"
			--enable-native-access=ALL-UNNAMED)
	fi

	if [[ -n ${MAJORDOME_JAVA_OPTS:-} ]]; then
		read -r -a extra <<<"$MAJORDOME_JAVA_OPTS"
		MAJORDOME_JVM_OPTIONS+=("${extra[@]}")
	fi
}
