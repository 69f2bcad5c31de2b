#!/usr/bin/env bash
# Builds a Linux .deb with a bundled Java runtime (jlink) from target/ecoaid.jar.
# Usage: mvn -q package -DskipTests && installer/build-deb.sh     → installer/out/ecoaid-workbench_<version>_amd64.deb
# Needs: JDK 17 (jpackage, jlink), fakeroot and dpkg-dev (apt-get install fakeroot dpkg-dev).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$root/target/ecoaid.jar"
[ -f "$jar" ] || { echo "build the jar first: mvn -q package -DskipTests" >&2; exit 1; }
version="$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *\([0-9.]*\).*/\1/p' | tr -d '\r')"
version="${version:-0.1.0}"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/input" "$here/out"
cp "$jar" "$stage/input/"
# JavaFX (with its Linux natives) is inside the fat jar on the class path; the runtime needs only JDK modules.
jlink --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.unsupported,jdk.zipfs \
  --strip-debug --no-man-pages --no-header-files --include-locales=en,zh --output "$stage/runtime"
jpackage --type deb --name ecoaid-workbench --app-version "$version" \
  --vendor "EcoAid Workbench" --description "EcoAid Workbench 生态环境科技帮扶工作台" \
  --input "$stage/input" --main-jar ecoaid.jar --main-class cn.ecoaid.Launcher \
  --runtime-image "$stage/runtime" \
  --file-associations "$here/linux/ecoaid-workspace.properties" \
  --icon "$here/icons/ecoaid.png" \
  --linux-package-name ecoaid-workbench --linux-app-category science \
  --linux-package-deps "libgtk-3-0, libgl1, libxtst6, libxxf86vm1" \
  --license-file "$root/LICENSE" \
  --java-options "-Dfile.encoding=UTF-8" \
  --dest "$here/out"
ls -l "$here/out"
