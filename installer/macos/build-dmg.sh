#!/usr/bin/env bash
# Builds the macOS disk image (.dmg) with a bundled Java runtime. Run on macOS from the repository root:
#   mvn -q package -DskipTests -Djavafx.platform=mac          # Intel; -Djavafx.platform=mac-aarch64 on Apple silicon
#   installer/macos/build-dmg.sh                             → installer/out/EcoAid Workbench-<version>.dmg
# Needs: a JDK 17 for the same architecture (jlink, jpackage). Signing and notarisation: add --mac-sign and
# --mac-signing-key-user-name "Developer ID Application: …" when a certificate is available.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/target/ecoaid.jar"
[ -f "$jar" ] || { echo "build the jar first: mvn -q package -DskipTests -Djavafx.platform=mac" >&2; exit 1; }
unzip -l "$jar" | grep -q 'libglass.dylib' || { echo "target/ecoaid.jar has no macOS JavaFX natives: rebuild with -Djavafx.platform=mac or mac-aarch64" >&2; exit 1; }
version="$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *\([0-9.]*\).*/\1/p' | tr -d '\r')"
version="${version:-0.1.0}"
# macOS requires the first component of the version to be at least 1.
case "$version" in 0.*) version="1.${version#0.}" ;; esac
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/input" "$root/installer/out"
cp "$jar" "$stage/input/"
jlink --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.unsupported,jdk.zipfs \
  --strip-debug --no-man-pages --no-header-files --include-locales=en,zh --output "$stage/runtime"
cd "$root"
jpackage --type dmg --name "EcoAid Workbench" --app-version "$version" \
  --vendor "EcoAid Workbench" --description "EcoAid Workbench 生态环境科技帮扶工作台" \
  --input "$stage/input" --main-jar ecoaid.jar --main-class cn.ecoaid.Launcher \
  --runtime-image "$stage/runtime" --icon installer/icons/ecoaid.icns \
  --file-associations installer/macos/ecoaid-workspace.properties \
  --mac-package-identifier cn.ecoaid.workbench --mac-package-name "EcoAid" \
  --license-file LICENSE --java-options "-Dfile.encoding=UTF-8" --dest installer/out
ls -l installer/out
