# Builds the Windows installer (.msi) with a bundled Java runtime. Run on Windows 10/11 from the repository root:
#   mvn -q package -DskipTests "-Djavafx.platform=win"
#   powershell -ExecutionPolicy Bypass -File installer\windows\build-msi.ps1
# Needs: JDK 17 (jlink, jpackage on PATH) and the WiX Toolset 3.x (candle.exe, light.exe on PATH), which jpackage
# uses to make the .msi. Output: installer\out\EcoAid Workbench-<version>.msi
$ErrorActionPreference = "Stop"
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$root = Split-Path -Parent (Split-Path -Parent $here)
$jar = Join-Path $root "target\ecoaid.jar"
if (-not (Test-Path $jar)) { throw "build the jar first: mvn -q package -DskipTests -Djavafx.platform=win" }
# The jar must carry the Windows JavaFX natives (javafx.platform=win), not the Linux ones.
$natives = & jar tf $jar | Select-String -Pattern "glass.dll" -Quiet
if (-not $natives) { throw "target\ecoaid.jar has no Windows JavaFX natives: rebuild with -Djavafx.platform=win" }
$manifest = & unzip -p $jar META-INF/MANIFEST.MF 2>$null
$version = ($manifest | Select-String -Pattern "Implementation-Version: *([0-9.]+)").Matches.Groups[1].Value
if (-not $version) { $version = "0.1.0" }
$stage = Join-Path $env:TEMP ("ecoaid-msi-" + [guid]::NewGuid())
New-Item -ItemType Directory -Force -Path "$stage\input", "$root\installer\out" | Out-Null
Copy-Item $jar "$stage\input\"
& jlink --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.unsupported,jdk.zipfs `
  --strip-debug --no-man-pages --no-header-files --include-locales=en,zh --output "$stage\runtime"
Push-Location $root
& jpackage --type msi --name "EcoAid Workbench" --app-version $version `
  --vendor "EcoAid Workbench" --description "EcoAid Workbench 生态环境科技帮扶工作台" `
  --input "$stage\input" --main-jar ecoaid.jar --main-class cn.ecoaid.Launcher `
  --runtime-image "$stage\runtime" --icon "installer\icons\ecoaid.ico" `
  --file-associations "installer\windows\ecoaid-workspace.properties" `
  --win-menu --win-menu-group "EcoAid" --win-shortcut --win-dir-chooser `
  --win-upgrade-uuid "6f1b7a52-0c8e-4d0b-9a53-5b8c2f1e7d41" `
  --license-file LICENSE --java-options "-Dfile.encoding=UTF-8" --dest "installer\out"
Pop-Location
Remove-Item -Recurse -Force $stage
Get-ChildItem "$root\installer\out"
