; Companion for Windows: an Inno Setup 6 script (6.3 or newer) for a per-user install that needs
; no administrator: the program goes to %LOCALAPPDATA%\Programs\Companion, with a Start-menu and a
; desktop shortcut both called "Companion", and an uninstaller in Settings > Apps.
;
; Build, on Windows, after `py installers\build.py` has made out\dist\companion and out\icons:
;   iscc /DAppVersion=0.1.0 installers\windows\companion.iss
; (installers\build.py runs exactly this itself when iscc.exe is on PATH.) Writes
; out\Companion-Setup-<version>.exe.
;
; Silent install for IT, with the community centre's settings (see installers\README.md):
;   Companion-Setup-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /PRESET="C:\setup\centre.json"
; The preset is copied to {app}\preset.json, which Companion reads on each person's first start
; (companion/preset.py). A /PRESET= path that does not exist stops Setup with exit code 1.
;
; NOT BUILT OR RUN YET: written from the Inno Setup documentation; see installers\README.md.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z (it lives only in companion\__init__.py)
#endif
#ifndef RepoDir
  #define RepoDir SourcePath + "..\.."
#endif
#define BundleDir RepoDir + "\out\dist\companion"
#define IconsDir RepoDir + "\out\icons"

[Setup]
; AppId identifies Companion across versions (upgrades, uninstall). Never change it.
AppId={{A713FECA-6789-4251-BE21-63376BFA9A59}
AppName=Companion
AppVersion={#AppVersion}
AppVerName=Companion {#AppVersion}
AppPublisher=The Companion authors
; Per user, no administrator: {autopf} then means %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Companion
DefaultGroupName=Companion
; Few questions for a first-time installer: no folder or Start-menu folder pages.
DisableDirPage=yes
DisableProgramGroupPage=yes
DisableWelcomePage=yes
WizardStyle=modern
SetupIconFile={#IconsDir}\companion.ico
UninstallDisplayIcon={app}\companion.exe
UninstallDisplayName=Companion
OutputDir={#RepoDir}\out
OutputBaseFilename=Companion-Setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Offer to close a running Companion before replacing its files.
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
; Ticked by default (also in a silent install): most people start Companion from the desktop.
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
; Not ticked: Companion's own first-run step asks (on for one person at home, off in a community
; centre). Turning "Start Companion when the computer starts" off in Companion removes this
; shortcut too (companion/autostart.py knows its name, Companion.lnk).
Name: "startup"; Description: "Start Companion quietly when the computer starts, for reminders"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The IT preset, from the command line: /PRESET="path\to\preset.json".
Source: "{param:PRESET|}"; DestDir: "{app}"; DestName: "preset.json"; Flags: external ignoreversion; Check: PresetGiven

[Icons]
Name: "{autoprograms}\Companion"; Filename: "{app}\companion.exe"; WorkingDir: "{app}"; Comment: "Check in, join your sessions, learn"
Name: "{autodesktop}\Companion"; Filename: "{app}\companion.exe"; WorkingDir: "{app}"; Comment: "Check in, join your sessions, learn"; Tasks: desktopicon
Name: "{userstartup}\Companion"; Filename: "{app}\companion.exe"; Parameters: "--background"; WorkingDir: "{app}"; Comment: "Reminders for your video sessions and check-ins"; Tasks: startup

[Run]
Filename: "{app}\companion.exe"; Description: "{cm:LaunchProgram,Companion}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what Setup put there. People's own data (%LOCALAPPDATA%\Companion) is kept on purpose.
Type: files; Name: "{app}\preset.json"
; The Startup-folder script Companion writes when "Start Companion when the computer starts" is on.
Type: files; Name: "{userstartup}\Companion.cmd"

[Code]
function PresetGiven: Boolean;
begin
  Result := ExpandConstant('{param:PRESET|}') <> '';
end;

function InitializeSetup: Boolean;
var
  Preset: String;
begin
  Result := True;
  Preset := ExpandConstant('{param:PRESET|}');
  if (Preset <> '') and not FileExists(Preset) then
  begin
    Log('The preset file given with /PRESET= was not found: ' + Preset);
    SuppressibleMsgBox('The settings file given with /PRESET= was not found:' + #13#10 + Preset,
      mbCriticalError, MB_OK, IDOK);
    Result := False;
  end;
end;
