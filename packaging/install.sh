#!/bin/sh
# Install Wellbeing for you alone, from the unpacked bundle this script sits in: no root, no
# Python. Run it again to update; your data (~/.local/share/wellbeing-app) is never touched.
#   ./install.sh              install or update
#   ./install.sh --uninstall  remove the program again (your data stays)
# Puts the program in ~/.local/lib/wellbeing-app, the command in ~/.local/bin/wellbeing-app, the
# menu entry in ~/.local/share/applications and the icon in ~/.local/share/icons (desktops
# notice both by themselves: no cache is written, so nothing is left behind).
set -eu

name=wellbeing-app
entry=io.github.wellbeing_app.WellbeingApp.desktop
here=$(cd "$(dirname "$0")" && pwd)
: "${HOME:?install.sh: HOME is not set}"
data=${XDG_DATA_HOME:-$HOME/.local/share}
lib=$HOME/.local/lib/$name
bin=$HOME/.local/bin
apps=$data/applications
icons=$data/icons/hicolor/scalable/apps

if [ "${1:-}" = "--uninstall" ]; then
  if [ -L "$bin/$name" ]; then rm -f "$bin/$name"; fi
  rm -rf "$lib"
  rm -f "$apps/$entry" "$icons/$name.svg"
  echo "Wellbeing is removed. Your data is still in $data/$name."
  exit 0
elif [ -n "${1:-}" ]; then
  echo "usage: $0 [--uninstall]" >&2
  exit 2
fi

if [ ! -x "$here/$name/$name" ]; then
  echo "install.sh: $here/$name/$name is missing: run me from the unpacked bundle" >&2
  exit 1
fi

# The new copy is put beside the old one and then swapped in, so a failed copy leaves the old one.
mkdir -p "$(dirname "$lib")" "$bin" "$apps" "$icons"
rm -rf "$lib.new"
cp -R "$here/$name" "$lib.new"
rm -rf "$lib"
mv "$lib.new" "$lib"
ln -sfn "$lib/$name" "$bin/$name"
cp "$here/$name.svg" "$icons/$name.svg"

# The menu entry starts the program by its full path: ~/.local/bin is not always on a desktop's
# PATH. A path with characters the entry would have to escape falls back to the command name.
case $lib in
  *[\"\`\$\\%]* | *'|'* | *'&'*) exec_line="Exec=$name" ;;
  *) exec_line="Exec=\"$lib/$name\"" ;;
esac
sed "s|^Exec=.*|$exec_line|" "$here/$entry" > "$apps/$entry.new"
mv "$apps/$entry.new" "$apps/$entry"

echo "Wellbeing is installed: start it from your desktop's menu, or run $bin/$name"
case ":${PATH:-}:" in
  *":$bin:"*) ;;
  *) echo "(add $bin to your PATH to type just '$name')" ;;
esac
