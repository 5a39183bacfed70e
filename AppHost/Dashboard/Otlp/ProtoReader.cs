using System.Buffers.Binary;
using System.Text;

namespace Haven.Hosting.Dashboard.Otlp;

/// <summary>
/// Reads the protobuf wire format field by field. OTLP needs only a handful of messages, so a reader this small
/// replaces a generated code base; unknown fields are skipped, as protobuf requires for forward compatibility.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private enum WireType { Varint = 0, Fixed64 = 1, LengthDelimited = 2, StartGroup = 3, EndGroup = 4, Fixed32 = 5 }

    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;
    private WireType _wireType;

    public bool TryReadField(out int fieldNumber)
    {
        if (_position >= _data.Length)
        {
            fieldNumber = 0;
            return false;
        }
        var tag = ReadRawVarint();
        fieldNumber = (int)(tag >> 3);
        _wireType = (WireType)(tag & 7);
        if (fieldNumber <= 0 || _wireType is WireType.StartGroup or WireType.EndGroup || (int)_wireType > 5)
        {
            throw new InvalidDataException($"Malformed protobuf: tag {tag} at byte {_position}.");
        }
        return true;
    }

    public ulong ReadVarint()
    {
        Expect(WireType.Varint);
        return ReadRawVarint();
    }

    public long ReadInt64() => (long)ReadVarint();

    public int ReadInt32() => (int)ReadVarint();

    public bool ReadBool() => ReadVarint() != 0;

    public ulong ReadFixed64()
    {
        Expect(WireType.Fixed64);
        return BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
    }

    public long ReadSFixed64() => (long)ReadFixed64();

    public double ReadDouble() => BitConverter.UInt64BitsToDouble(ReadFixed64());

    public ReadOnlySpan<byte> ReadBytes()
    {
        Expect(WireType.LengthDelimited);
        var length = ReadRawVarint();
        return length > (ulong)(_data.Length - _position)
            ? throw new InvalidDataException($"Malformed protobuf: a length of {length} runs past the end.")
            : Take((int)length);
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    public ProtoReader ReadMessage() => new(ReadBytes());

    /// <summary>A repeated fixed64 field, packed (the proto3 default) or one value per tag.</summary>
    public void ReadRepeatedFixed64(List<ulong> values)
    {
        if (_wireType != WireType.LengthDelimited)
        {
            values.Add(ReadFixed64());
            return;
        }
        var packed = ReadBytes();
        if (packed.Length % 8 != 0)
        {
            throw new InvalidDataException("Malformed protobuf: a packed fixed64 field is not a multiple of 8 bytes.");
        }
        for (var i = 0; i < packed.Length; i += 8)
        {
            values.Add(BinaryPrimitives.ReadUInt64LittleEndian(packed[i..]));
        }
    }

    public void ReadRepeatedDouble(List<double> values)
    {
        var bits = new List<ulong>();
        ReadRepeatedFixed64(bits);
        values.AddRange(bits.Select(BitConverter.UInt64BitsToDouble));
    }

    public void Skip()
    {
        switch (_wireType)
        {
            case WireType.Varint: ReadRawVarint(); break;
            case WireType.Fixed64: Take(8); break;
            case WireType.Fixed32: Take(4); break;
            default: ReadBytes(); break;
        }
    }

    private void Expect(WireType wireType)
    {
        if (_wireType != wireType)
        {
            throw new InvalidDataException($"Malformed protobuf: expected wire type {wireType}, found {_wireType} at byte {_position}.");
        }
    }

    private ulong ReadRawVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new InvalidDataException("Malformed protobuf: a varint runs past the end.");
            }
            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }
        throw new InvalidDataException("Malformed protobuf: a varint is longer than 10 bytes.");
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (_position + length > _data.Length)
        {
            throw new InvalidDataException("Malformed protobuf: a field runs past the end.");
        }
        var span = _data.Slice(_position, length);
        _position += length;
        return span;
    }
}
