namespace Orchestrator.Server.Hosting;

/// <summary>
/// A read-only view of a request body that counts what passes: past the size limit it throws
/// <see cref="RequestBodyTooLargeException"/>, and for JSON past <see cref="RequestJson.MaxDepth"/> levels of arrays and
/// objects <see cref="RequestJsonTooDeepException"/>, whichever binder or parser reads it.
/// </summary>
internal sealed class GuardedRequestBody(Stream inner, long limit, bool isJson) : Stream
{
    private long _read;
    private int _depth;
    private bool _inString;
    private bool _escaped;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(ReadOnlySpan<byte> bytes)
    {
        _read += bytes.Length;
        if (_read > limit)
        {
            throw new RequestBodyTooLargeException(limit);
        }

        if (isJson)
        {
            TrackDepth(bytes);
        }

        return bytes.Length;
    }

    // Brackets inside strings do not count; multi-byte UTF-8 never contains these ASCII bytes.
    private void TrackDepth(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (_inString)
            {
                (_escaped, _inString) = _escaped ? (false, true) : (b == '\\', b != '"');
            }
            else if (b == '"')
            {
                _inString = true;
            }
            else if (b is (byte)'[' or (byte)'{' && ++_depth > RequestJson.MaxDepth)
            {
                throw new RequestJsonTooDeepException();
            }
            else if (b is (byte)']' or (byte)'}')
            {
                _depth--;
            }
        }
    }
}
