; Inno Setup 6 script: installs the one-folder build (dist\briefer) and registers the
; .briefer file type so that double-clicking a project opens it in Briefer.
;
;   iscc packaging\windows\briefer.iss                    -> dist\Briefer-<version>-setup.exe
;   iscc /DSign "/Ssigntool=signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /a $f" packaging\windows\briefer.iss
;
; The version is read from briefer.exe, which the spec stamps with briefer.__version__,
; so it still lives only in briefer/__init__.py. Written for Windows; not run on the
; Linux machine this was written on (see packaging/README.md).

#define DistDir "..\..\dist\briefer"
#define AppVersion GetStringFileInfo(DistDir + "\briefer.exe", "ProductVersion")
#if AppVersion == ""
  #error Build dist\briefer first (make package, or pyinstaller packaging\briefer.spec)
#endif

[Setup]
; The AppId identifies Briefer to Windows for upgrades and uninstall: never change it.
AppId={{A466D97A-9F7D-44B0-8976-8CB504728CDB}
AppName=Briefer
AppVersion={#AppVersion}
AppVerName=Briefer {#AppVersion}
AppPublisher=The Briefer team
DefaultDirName={autopf}\Briefer
DefaultGroupName=Briefer
DisableProgramGroupPage=yes
; Per-user by default (no administrator needed); an administrator may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Briefer-{#AppVersion}-setup
SetupIconFile=..\build\icons\briefer.ico
UninstallDisplayIcon={app}\briefer.exe
UninstallDisplayName=Briefer {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Tell Explorer to refresh icons and file associations after install and uninstall.
ChangesAssociations=yes
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole build folder: briefer.exe (window), briefer-cli.exe (console) and _internal\.
; Install over a clean folder so no file from an older version lingers.
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Briefer"; Filename: "{app}\briefer.exe"
Name: "{autodesktop}\Briefer"; Filename: "{app}\briefer.exe"; Tasks: desktopicon

[Registry]
; HKA = HKCU for a per-user install, HKLM for all users.
; The extension points at Briefer's ProgID ...
Root: HKA; Subkey: "Software\Classes\.briefer"; ValueType: string; ValueName: ""; ValueData: "Briefer.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.briefer"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-briefer-project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.briefer\OpenWithProgids"; ValueType: string; ValueName: "Briefer.Project"; ValueData: ""; Flags: uninsdeletevalue
; ... and the ProgID says what a project is called, its icon, and how to open one.
Root: HKA; Subkey: "Software\Classes\Briefer.Project"; ValueType: string; ValueName: ""; ValueData: "Briefer project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Briefer.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\briefer.exe,0"
Root: HKA; Subkey: "Software\Classes\Briefer.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\briefer.exe"" ""%1"""
; "Open with" lists Briefer for .briefer files.
Root: HKA; Subkey: "Software\Classes\Applications\briefer.exe\SupportedTypes"; ValueType: string; ValueName: ".briefer"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\briefer.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "Briefer"

[Run]
Filename: "{app}\briefer.exe"; Description: "{cm:LaunchProgram,Briefer}"; Flags: nowait postinstall skipifsilent
